"""Every sentence the user reads, in Vietnamese (the default) and English.

Problem messages are keyed by the problem's stable code; each says what was found, what was expected
and how to fix it. Interface words (column headings, statuses) live in ``WORDS``.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Any

from .problems import Problem

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


def resolve_lang(lang: str | None) -> str:
    """The language asked for, else ``D8_LANG``, else Vietnamese."""
    chosen = (lang or os.environ.get("D8_LANG") or DEFAULT_LANG).strip().lower()
    return chosen if chosen in LANGS else DEFAULT_LANG


# code: (Vietnamese, English). Parameters in braces come from Problem.params.
PROBLEMS: dict[str, tuple[str, str]] = {
    # files and bytes
    "data-dir-missing": (
        "không tìm thấy thư mục dữ liệu. Chạy lệnh trong thư mục dự án, hoặc chỉ rõ bằng "
        "--data THƯ_MỤC (hay biến môi trường D8_DATA)",
        "the data folder does not exist. Run the command in the project folder, or name it with "
        "--data DIR (or the D8_DATA environment variable)",
    ),
    "file-missing": (
        "không tìm thấy tệp. Tệp này phải có; kiểm tra tên và thư mục",
        "the file does not exist. It is required; check its name and folder",
    ),
    "communes-missing": (
        "không có thư mục communes/ hoặc thư mục rỗng: cần một tệp YAML cho mỗi xã, thị trấn",
        "communes/ is missing or empty: one YAML file per commune or town is needed",
    ),
    "file-unreadable": (
        "không đọc được tệp ({reason}). Kiểm tra quyền truy cập của tệp",
        "the file cannot be read ({reason}). Check the file's permissions",
    ),
    "file-is-directory": (
        "đây là một thư mục, không phải tệp YAML. Xóa hoặc đổi tên nó (tên không kết thúc bằng .yaml)",
        "this is a folder, not a YAML file. Remove or rename it (a name not ending in .yaml)",
    ),
    "file-not-regular": (
        "đây không phải tệp thông thường (mà là thiết bị, FIFO hay socket). Xóa hoặc đổi tên nó",
        "this is not a regular file (a device, FIFO or socket). Remove or rename it",
    ),
    "file-outside-data": (
        "liên kết (symlink) trỏ ra ngoài thư mục dữ liệu ({target}). Hãy chép tệp thật vào thư mục",
        "the symlink points outside the data folder ({target}). Copy the real file into the folder",
    ),
    "file-too-large": (
        "tệp quá lớn ({size} byte, tối đa {limit}). Tệp của một xã chỉ vài chục KB: có thể đã dán nhầm "
        "dữ liệu khác vào; hãy tách hoặc xóa phần thừa",
        "the file is too large ({size} bytes, at most {limit}). A commune's file is a few tens of KB: "
        "something else may have been pasted in; split it or remove the excess",
    ),
    "file-binary": (
        "tệp không phải văn bản (có byte NUL ở vị trí {offset}). Có thể là tệp Word/Excel bị đổi tên: "
        "mở bằng trình soạn thảo văn bản và lưu lại dạng văn bản UTF-8",
        "the file is not text (a NUL byte at offset {offset}). It may be a renamed Word/Excel file: "
        "open it in a text editor and save it as UTF-8 text",
    ),
    "encoding-not-utf8": (
        "tệp không phải UTF-8: byte {byte} ở vị trí {offset} không hợp lệ. Có thể tệp được lưu bằng "
        "bảng mã cũ (Windows-1258, TCVN3, VNI). Mở tệp, chọn Lưu thành (Save As) với bảng mã UTF-8 "
        "rồi chạy lại",
        "the file is not UTF-8: byte {byte} at offset {offset} is invalid. It may have been saved in a "
        "legacy encoding (Windows-1258, TCVN3, VNI). Open it, Save As with encoding UTF-8, and rerun",
    ),
    "encoding-unsupported": (
        "tệp được lưu bằng bảng mã {encoding}; d8 đọc UTF-8 (hoặc UTF-16 có BOM). Mở tệp, chọn Lưu thành "
        "(Save As) với bảng mã UTF-8 rồi chạy lại",
        "the file is saved as {encoding}; d8 reads UTF-8 (or UTF-16 with a BOM). Open it, Save As "
        "with encoding UTF-8, and rerun",
    ),
    "file-empty": (
        "tệp rỗng (hoặc chỉ có chú thích). Cần nội dung YAML theo mẫu trong README",
        "the file is empty (or holds only comments). It needs YAML content as in the README",
    ),
    "file-not-mapping": (
        "tệp phải là một bảng khóa: giá trị (mapping), nhưng tìm thấy {found}",
        "the file must be a mapping of keys to values, but {found} was found",
    ),
    "too-many-problems": (
        "đã dừng đọc tệp này ở dòng này sau {limit} lỗi. Sửa các lỗi trên rồi chạy lại; nếu tệp bị dán "
        "nhầm nội dung khác, hãy xóa phần đó",
        "stopped reading this file at this line after {limit} problems. Fix the ones above and run "
        "again; if something else was pasted into the file, remove it",
    ),
    # YAML syntax
    "yaml-syntax": (
        "lỗi cú pháp YAML ({detail}). Kiểm tra dòng này và dòng ngay trên nó",
        "YAML syntax error ({detail}). Check this line and the one above it",
    ),
    "yaml-tab": (
        "có ký tự Tab để thụt lề. YAML chỉ cho phép dấu cách: thay Tab bằng dấu cách (mỗi cấp 2 dấu cách)",
        "a Tab is used for indentation. YAML allows only spaces: replace the Tab with spaces (2 per level)",
    ),
    "yaml-reserved-char": (
        'ký tự này không được đứng đầu một giá trị ({detail}). Đặt giá trị trong dấu nháy kép "…"',
        'this character cannot start a value ({detail}). Put the value in double quotes "…"',
    ),
    "yaml-unclosed-quote": (
        "dấu nháy mở mà không đóng: tệp kết thúc khi chuỗi trong nháy chưa đóng. Thêm dấu nháy đóng ở "
        "cuối giá trị đã mở nháy",
        "a quote is opened but never closed: the file ends inside a quoted string. Add the closing "
        "quote at the end of the value that opened it",
    ),
    "yaml-bad-escape": (
        "ký tự thoát không hợp lệ trong chuỗi nháy kép ({detail}). Dùng nháy đơn '…' hoặc viết \\\\",
        "invalid escape in a double-quoted string ({detail}). Use single quotes '…' or write \\\\",
    ),
    "yaml-missing-colon": (
        'thiếu dấu hai chấm sau tên khóa. Viết "khóa: giá trị" (có dấu cách sau dấu hai chấm)',
        'a colon is missing after a key. Write "key: value" (with a space after the colon)',
    ),
    "yaml-colon-in-value": (
        'dấu hai chấm không được phép ở đây. Nếu giá trị chứa ": ", đặt nó trong dấu nháy kép; nếu '
        "không, kiểm tra thụt lề của dòng này so với dòng trên",
        'a colon is not allowed here. If the value contains ": ", put it in double quotes; '
        "otherwise check this line's indentation against the line above",
    ),
    "yaml-indentation": (
        "thụt lề không khớp ({detail}). Các khóa cùng cấp phải thẳng cột; mục danh sách bắt đầu bằng "
        '"- " cùng cột',
        "the indentation does not line up ({detail}). Keys at one level must start in the same "
        'column; list entries start with "- " in the same column',
    ),
    "yaml-missing-value": (
        "thiếu giá trị ({detail}). Viết giá trị sau dấu hai chấm, hoặc để trống cả dòng",
        "a value is missing ({detail}). Write a value after the colon, or remove the line",
    ),
    "yaml-unclosed-bracket": (
        "ngoặc [ hoặc {{ mở mà không đóng ({detail}). Thêm ] hoặc }} tương ứng",
        "a [ or {{ is opened but not closed ({detail}). Add the matching ] or }}",
    ),
    "yaml-bad-anchor": (
        'ký tự & hoặc * đứng đầu giá trị ({detail}). Đặt giá trị trong dấu nháy kép "…"',
        'a value starts with & or * ({detail}). Put the value in double quotes "…"',
    ),
    "yaml-control-char": (
        "tệp chứa ký tự điều khiển {char} không được phép. Xóa ký tự đó (thường do dán từ Word/Excel)",
        "the file holds a control character {char}, which is not allowed. Delete it (often pasted "
        "from Word/Excel)",
    ),
    "yaml-comment-in-text": (
        "giá trị được đọc là '{kept}': phần '{comment}' sau nó là chú thích YAML và bị bỏ qua. Nếu nó "
        'thuộc về văn bản, đặt cả giá trị trong dấu nháy kép "…"; nếu là chú thích, để hai dấu cách '
        "trước #",
        "the value reads '{kept}': the '{comment}' after it is a YAML comment and is dropped. If it "
        'belongs to the text, put the whole value in double quotes "…"; if it is a comment, put two '
        "spaces before the #",
    ),
    "yaml-duplicate-key": (
        "khóa '{key}' lặp lại (đã có ở dòng {first_line}). Giữ một khóa: gộp hai giá trị hoặc xóa một",
        "the key '{key}' is repeated (already at line {first_line}). Keep one: merge the two values "
        "or delete one",
    ),
    "yaml-anchor": (
        "không dùng neo YAML (&{name}). Hãy viết đầy đủ giá trị ở mỗi nơi",
        "YAML anchors (&{name}) are not allowed. Write the value out in full at each place",
    ),
    "yaml-alias": (
        "không dùng tham chiếu YAML (*{name}). Hãy viết đầy đủ giá trị ở đây",
        "YAML aliases (*{name}) are not allowed. Write the value out in full here",
    ),
    "yaml-merge-key": (
        "không dùng khóa gộp '<<'. Viết từng khóa ra",
        "merge keys ('<<') are not allowed. Write each key out",
    ),
    "yaml-tag": (
        "không dùng thẻ YAML ({tag}): chúng bị từ chối và không có gì được thực thi. Xóa thẻ; muốn ghi "
        "văn bản thì đặt trong dấu nháy",
        "YAML tags ({tag}) are refused and nothing is executed. Remove the tag; to write text, quote it",
    ),
    "yaml-complex-key": (
        "khóa phải là một tên đơn giản, không phải danh sách hay bảng",
        "a key must be a plain name, not a list or a mapping",
    ),
    "yaml-multiple-documents": (
        'tệp có nhiều hơn một tài liệu YAML (dòng "---"). Mỗi tệp chỉ một: xóa dòng "---" này '
        "hoặc tách ra tệp khác",
        'the file holds more than one YAML document (a "---" line). One per file: delete this '
        '"---" or move the rest to another file',
    ),
    # shape (pydantic)
    "unknown-key": (
        "khóa không hợp lệ '{key}'{suggestion}. Các khóa được phép: {allowed}",
        "unknown key '{key}'{suggestion}. Allowed keys: {allowed}",
    ),
    "missing-key": (
        "thiếu khóa bắt buộc '{key}'. Thêm '{key}: …' vào mục này",
        "the required key '{key}' is missing. Add '{key}: …' to this entry",
    ),
    "expected-integer": (
        "cần một số nguyên (không âm), nhưng thấy {found}. Chỉ viết con số, ví dụ 12 (không dấu nháy, "
        "không đơn vị hay chữ)",
        "expected a whole number, found {found}. Write just the number, e.g. 12 (no quotes, units or words)",
    ),
    "expected-whole-number": (
        "cần số nguyên, nhưng thấy số thập phân {value}. Số lượng phải là số nguyên, ví dụ 12; không "
        "dùng dấu chấm ngăn cách hàng nghìn (viết 1200, không viết 1.200)",
        "expected a whole number, found the decimal {value}. Counts are whole numbers, e.g. 12; no "
        "thousands separator (write 1200, not 1.200 as in Vietnamese)",
    ),
    "expected-number": (
        "cần một số, nhưng thấy {found}",
        "expected a number, found {found}",
    ),
    "leading-zero-number": (
        "số {value} có số 0 ở đầu. Viết số không có số 0 đầu, ví dụ 8",
        "the number {value} has a leading zero. Write it without the zero, e.g. 8",
    ),
    "negative-count": (
        "số lượng không được âm (thấy {value}). Sửa thành 0 hoặc số dương",
        "a count cannot be negative (found {value}). Use 0 or more",
    ),
    "too-small": (
        "giá trị {value} nhỏ hơn mức tối thiểu {limit}",
        "the value {value} is below the minimum {limit}",
    ),
    "too-large": (
        "giá trị {value} lớn hơn mức tối đa {limit}",
        "the value {value} is above the maximum {limit}",
    ),
    "expected-text": (
        "cần văn bản, nhưng thấy {found}. Đặt giá trị trong dấu nháy kép để giữ đúng như đã viết, "
        'ví dụ "{raw}"',
        'expected text, found {found}. Put the value in double quotes to keep it as written, e.g. "{raw}"',
    ),
    "empty-text": (
        "văn bản không được để trống. Viết nội dung hoặc xóa khóa này (nếu không bắt buộc)",
        "the text cannot be empty. Write something or remove the key (if it is optional)",
    ),
    "empty-list": (
        "danh sách không được rỗng: cần ít nhất một mục",
        "the list cannot be empty: at least one entry is needed",
    ),
    "expected-boolean": (
        "cần true hoặc false (hoặc null nếu chưa biết), nhưng thấy {found}. Không dùng yes/no, có/không",
        "expected true or false (or null while unknown), found {found}. yes/no are not accepted",
    ),
    "expected-mapping": (
        "cần một bảng khóa: giá trị (các dòng 'khóa: giá trị' thụt lề bên dưới), nhưng thấy {found}",
        "expected a mapping (indented 'key: value' lines below), found {found}",
    ),
    "expected-list": (
        'cần một danh sách (các dòng bắt đầu bằng "- "), nhưng thấy {found}',
        'expected a list (lines starting with "- "), found {found}',
    ),
    "unexpected-value": (
        "giá trị {value} không hợp lệ. Chọn một trong: {expected}",
        "the value {value} is not valid. Choose one of: {expected}",
    ),
    "bad-date": (
        "cần ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2024-03-08), nhưng thấy {found}",
        "expected a date as YEAR-MONTH-DAY (e.g. 2024-03-08), found {found}",
    ),
    "impossible-date": (
        "ngày {value} không tồn tại. Kiểm tra ngày và tháng",
        "the date {value} does not exist. Check the day and month",
    ),
    "bad-code": (
        'mã đơn vị phải gồm chữ số (ví dụ "21115"), nhưng thấy {found}. Để null nếu chưa biết',
        'the code must be digits (e.g. "21115"), found {found}. Use null while unknown',
    ),
    "bad-id": (
        "mã {value} không đúng dạng: {pattern_help}",
        "the id {value} is not well formed: {pattern_help}",
    ),
    "invalid-value": (
        "giá trị không hợp lệ: {detail}",
        "invalid value: {detail}",
    ),
    # the plan's own consistency
    "plan-duplicate-id": (
        "mã '{id}' đã dùng ở dòng {first_line}. Mỗi mục cần mã riêng",
        "the id '{id}' is already used at line {first_line}. Each entry needs its own id",
    ),
    "plan-unknown-item": (
        "mục '{id}' không có trong bảng hoạt động của kế hoạch",
        "the item '{id}' is not in the plan's activity table",
    ),
    "plan-target-wording": (
        'không nhận ra chỉ tiêu {value}. Dùng một số ("02"), "0", "Huyện"/"Xã", '
        '"Tùy tình hình thực tế tại địa phương" hoặc "Địa phương thực hiện"/"Tại địa phương"',
        'the target {value} is not recognised. Use a number ("02"), "0", "Huyện"/"Xã", '
        '"Tùy tình hình thực tế tại địa phương" or "Địa phương thực hiện"/"Tại địa phương"',
    ),
    "plan-target-mismatch": (
        "chỉ tiêu '{id}' là {target} nhưng các mục {items} cộng lại được {total}. Sửa cho khớp",
        "the target '{id}' is {target} but its items {items} add up to {total}. Make them agree",
    ),
    "plan-core-targets": (
        "thiếu chỉ tiêu cốt lõi '{id}' (cần đủ 7 chỉ tiêu)",
        "the core target '{id}' is missing (all seven are needed)",
    ),
    "ratio-target-items": (
        "chỉ tiêu dạng tỷ lệ (measure: ratio) không lấy số từ mục nào: xóa counts_from",
        "a ratio target (measure: ratio) counts from no item: remove counts_from",
    ),
    "count-target-items": (
        "chỉ tiêu dạng đếm (measure: count) cần counts_from: danh sách các mục được cộng vào",
        "a count target (measure: count) needs counts_from: the items that add up to it",
    ),
    "item-parent-targets": (
        "mục có mục con (sub_items) không tự mang chỉ tiêu: xóa district/commune ở mục này",
        "an item with sub_items carries no targets itself: remove its district/commune",
    ),
    "item-missing-targets": (
        "mục cần cả chỉ tiêu cấp huyện (district) và cấp xã (commune), viết đúng như văn bản",
        "an item needs both a district and a commune target, written as in the plan",
    ),
    "item-entity-kind": (
        "entity_kind đi cùng counts: entities, và chỉ với nó. Sửa một trong hai khóa",
        "entity_kind goes with counts: entities, and only with it. Fix one of the two keys",
    ),
    "content-shape": (
        "một nội dung có hoặc activities, hoặc items (không cả hai, không thiếu cả hai)",
        "a content has either activities or items (not both, not neither)",
    ),
    "pace-dates": (
        "pace.end phải sau pace.start",
        "pace.end must come after pace.start",
    ),
    "pace-order": (
        "pace.at_risk không được lớn hơn pace.on_track",
        "pace.at_risk must not exceed pace.on_track",
    ),
    "percent-over-100": (
        "chỉ tiêu tỷ lệ là {value}%, lớn hơn 100%. Kiểm tra số (viết 80 cho 80%)",
        "the ratio target is {value} %, above 100 %. Check the figure (write 80 for 80 %)",
    ),
    # communes
    "commune-duplicate-id": (
        "mã xã '{id}' đã dùng trong {other}. Mỗi tệp xã cần mã riêng",
        "the commune id '{id}' is already used in {other}. Each commune file needs its own id",
    ),
    "commune-duplicate-name": (
        "tên '{name}' trùng với {other}. Hai tệp không được mô tả cùng một xã",
        "the name '{name}' is the same as in {other}. Two files cannot describe one commune",
    ),
    "commune-file-name": (
        "tên tệp nên là '{expected}' cho xã có mã '{id}'",
        "the file should be named '{expected}' for the commune with id '{id}'",
    ),
    "duplicate-id": (
        "mã '{id}' đã dùng ở {other}. Đặt mã khác (mã phải duy nhất trong toàn bộ dữ liệu)",
        "the id '{id}' is already used at {other}. Choose another (ids are unique across the data)",
    ),
    "unknown-item": (
        "không có mục '{id}' trong kế hoạch{suggestion}. Dùng mã mục trong data/plan_2024.yaml, "
        "ví dụ nd3.hd1.2",
        "there is no item '{id}' in the plan{suggestion}. Use an item id from data/plan_2024.yaml, "
        "e.g. nd3.hd1.2",
    ),
    "parent-item": (
        "mục '{id}' có các mục con ({children}); ghi kết quả vào một mục con",
        "the item '{id}' has sub-items ({children}); record against one of them",
    ),
    "unknown-entity": (
        "không có mô hình '{id}' trong mục entities của bất kỳ xã nào{suggestion}. Thêm nó vào "
        "entities hoặc sửa mã",
        "there is no entity '{id}' under any commune's entities{suggestion}. Add it under "
        "entities or fix the id",
    ),
    "entity-item-kind": (
        "mục '{item}' không đếm mô hình loại {kind}{expected}. Sửa item hoặc kind",
        "the item '{item}' does not count entities of kind {kind}{expected}. Fix item or kind",
    ),
    "record-on-entity-item": (
        "mục '{item}' được đếm theo danh sách entities (mỗi mô hình một lần); bản ghi này không được "
        "tính. Khai báo mô hình trong entities, và ghi entity: <mã> ở đây nếu là hoạt động của nó",
        "the item '{item}' is counted from the entities list (once each); this record does not "
        "count. Declare the entity under entities, and write entity: <id> here if it is about it",
    ),
    "date-outside-plan": (
        "ngày {date} nằm ngoài năm kế hoạch ({start} – {end}). Kiểm tra năm",
        "the date {date} is outside the plan year ({start} – {end}). Check the year",
    ),
    "date-in-future": (
        "ngày {date} ở tương lai (hôm nay {today}). Kiểm tra lại ngày",
        "the date {date} is in the future (today is {today}). Check the date",
    ),
    "participants-exceed": (
        "{part} ({value}) lớn hơn {whole} ({whole_value}). Kiểm tra số liệu",
        "{part} ({value}) is more than {whole} ({whole_value}). Check the figures",
    ),
    "allocation-unknown-item": (
        "không có mục '{id}' có chỉ tiêu cấp xã bằng số để phân bổ{suggestion}",
        "there is no item '{id}' with a numbered commune target to allocate{suggestion}",
    ),
    "allocation-sum": (
        "các xã được phân bổ tổng cộng {total} cho mục {id}, nhưng kế hoạch giao {target} cho cấp xã. "
        "Sửa allocation.items trong các tệp xã ({detail}) cho khớp",
        "the communes are allocated {total} in all for item {id}, but the plan sets {target} at "
        "commune level. Fix allocation.items in the commune files ({detail}) to agree",
    ),
    "allocation-no-denominator": (
        "chưa có số phụ nữ thuộc nhóm đối tượng sinh đẻ an toàn (allocation.safe_birth_target_group); "
        "tỷ lệ 80% của xã này chưa tính được",
        "the number of women in the safe-birth target group (allocation.safe_birth_target_group) is "
        "missing; this commune's 80 % target cannot be computed",
    ),
    "safe-birth-over": (
        "số phụ nữ được tiếp cận ({reached}) vượt số phụ nữ thuộc nhóm đối tượng ({group}). Mỗi người "
        "chỉ tính một lần; kiểm tra số liệu",
        "more women reached ({reached}) than in the target group ({group}). Count each woman once; "
        "check the figures",
    ),
    "item-no-progress": (
        "chưa có kết quả nào cho mục '{id}' (chỉ tiêu cả năm {target}; theo tiến độ đều, đến ngày {date} "
        "lẽ ra đã có ít nhất {expected}). Nếu đã thực hiện, hãy ghi vào records (hoặc entities) của xã",
        "nothing is recorded yet for item '{id}' (target {target} for the year; at a steady pace at "
        "least {expected} would be done by {date}). If it was done, add it to the commune's records "
        "(or entities)",
    ),
    "level-no-target": (
        "kế hoạch không giao chỉ tiêu cấp {level} cho mục '{item}' năm 2024 (\"{cell}\"). Kiểm tra "
        "organiser hoặc mục",
        "the plan sets no {level}-level target for item '{item}' in 2024 (\"{cell}\"). Check "
        "organiser or item",
    ),
    # cli
    "internal-error": (
        "lỗi nội bộ của d8 ({error}), không phải lỗi trong dữ liệu; dữ liệu của bạn không bị thay đổi. "
        "Để báo lỗi: chạy lại `{rerun}` và gửi toàn bộ nội dung in ra cho nhóm phát triển d8",
        "internal fault in d8 ({error}), not a problem in your data; your data was not changed. To "
        "report it: run `{rerun}` and send everything it prints to the d8 developers",
    ),
}

WORDS: dict[str, tuple[str, str]] = {
    "error": ("lỗi", "error"),
    "warning": ("cảnh báo", "warning"),
    "did_you_mean": (" (có phải ý bạn là '{0}'?)", " (did you mean '{0}'?)"),
    "found_nothing": ("không có giá trị", "nothing"),
    "found_text": ("văn bản {0}", "the text {0}"),
    "found_bool": ("giá trị đúng/sai {0}", "the boolean {0}"),
    "found_int": ("số {0}", "the number {0}"),
    "found_float": ("số {0}", "the number {0}"),
    "found_list": ("một danh sách", "a list"),
    "found_mapping": ("một bảng khóa", "a mapping"),
    "slug_help": (
        "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ tra-bui",
        "use lower-case ASCII letters, digits and hyphens, e.g. tra-bui",
    ),
    "item_help": (
        "mã mục có dạng nd3.hd1.2 (hoặc nd4.2)",
        "item ids look like nd3.hd1.2 (or nd4.2)",
    ),
    "summary_ok": (
        "Dữ liệu hợp lệ: {files} tệp, {records} bản ghi, {entities} mô hình.",
        "Data is valid: {files} files, {records} records, {entities} entities.",
    ),
    "summary_problems": (
        "{errors} lỗi, {warnings} cảnh báo.",
        "{errors} error(s), {warnings} warning(s).",
    ),
    "year_over": (
        "Năm kế hoạch đã kết thúc: hiển thị kết quả đến hết ngày {0} (chọn ngày khác bằng --as-of).",
        "The plan year is over: showing results up to {0} (choose another date with --as-of).",
    ),
    "warnings_heading": (
        "Cảnh báo (nên xem lại; không làm kiểm tra thất bại, trừ khi dùng --strict):",
        "Warnings (worth a look; they do not fail the check unless --strict):",
    ),
    "warnings_heading_strict": (
        "Cảnh báo (với --strict, cảnh báo cũng làm kiểm tra thất bại):",
        "Warnings (with --strict, warnings fail the check too):",
    ),
    "warnings_hint": (
        "Có {0} cảnh báo trong dữ liệu; chạy `d8 validate` để xem.",
        "The data has {0} warning(s); run `d8 validate` to see them.",
    ),
    "expected_kind": (" (mục này đếm mô hình loại {0})", " (this item counts entities of kind {0})"),
    "level_district": ("huyện", "district"),
    "level_commune": ("xã", "commune"),
    # status
    "title": (
        "Tiến độ Dự án 8 năm 2024 — huyện Trà Bồng",
        "Project 8 progress, 2024 — Trà Bồng district",
    ),
    "title_commune": ("Tiến độ Dự án 8 năm 2024 — {0}", "Project 8 progress, 2024 — {0}"),
    "title_items": ("Các mục của bảng hoạt động", "Items of the activity table"),
    "as_of": (
        "Tính đến ngày {0} (đã qua {1}% năm kế hoạch)",
        "As of {0} ({1}% of the plan year elapsed)",
    ),
    "col_target": ("Chỉ tiêu", "Target"),
    "col_goal": ("Mục tiêu", "Goal"),
    "col_done": ("Đạt", "Done"),
    "col_done_of_goal": ("Đạt / Mục tiêu", "Done / Goal"),
    "col_remaining": ("Còn thiếu", "To go"),
    "col_content": ("Nội dung", "Activity"),
    "discretionary": ("Tùy thực tế", "as locally fit"),
    "col_progress": ("Tiến độ", "Progress"),
    "col_status": ("Đánh giá", "Status"),
    "col_item": ("Mục", "Item"),
    "col_level": ("Cấp", "Level"),
    "status_achieved": ("Đã đạt", "achieved"),
    "status_on_track": ("Đúng tiến độ", "on track"),
    "status_behind": ("Chậm", "behind"),
    "status_at_risk": ("Nguy cơ không đạt", "at risk"),
    "status_not_started": ("Chưa bắt đầu", "not started"),
    "status_none": ("—", "—"),
    "provenance_note": (
        "Lưu ý: phân bổ chỉ tiêu cho {0}/{1} xã, thị trấn là tạm tính, chưa lấy từ Phụ lục chính thức "
        "của Kế hoạch (Phụ lục không công bố kèm theo). Số liệu theo xã chỉ mang tính tham khảo.",
        "Note: the allocation of targets to {0} of {1} communes is an estimate, not taken from the "
        "plan's official Appendix (not published with it). Per-commune figures are indicative.",
    ),
    "safe_birth_detail": ("{0}/{1} phụ nữ", "{0}/{1} women"),
    "district_wide": ("(chỉ tiêu toàn huyện)", "(district-wide target)"),
    "district_wide_note": (
        "— : chỉ tiêu toàn huyện, không phân bổ cho xã; số “Đạt” là phần đóng góp của xã.",
        "— : a district-wide target, not allocated to communes; “Done” is this commune's share.",
    ),
    "commune_unknown": ("không có xã '{0}'{1}. Các xã: {2}", "no commune '{0}'{1}. Communes: {2}"),
    "bad_date_option": (
        "ngày phải có dạng NĂM-THÁNG-NGÀY, ví dụ 2024-06-30",
        "the date must be YEAR-MONTH-DAY, e.g. 2024-06-30",
    ),
    "footer_counts": (
        "Tính đến ngày này: {0} bản ghi hoạt động, {1} mô hình (CLB, địa chỉ tin cậy, tổ/nhóm).",
        "Up to this date: {0} activity records, {1} entities (clubs, trusted addresses, groups).",
    ),
}


def word(key: str, lang: str, *args: Any) -> str:
    vi, en = WORDS[key]
    text = en if lang == "en" else vi
    return text.format(*args) if args else text


def visible(text: str) -> str:
    """``text`` with invisible characters shown as ``⟨U+00A0⟩``: a key that reads 'title' but holds
    a non-breaking space (pasted from Word) must not look like 'title' in the message."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"⟨U+{ord(c):04X}⟩"
        if c != " " and (unicodedata.category(c) in ("Zs", "Zl", "Zp", "Cc", "Cf") or not c.isprintable())
        else c
        for c in text
    )


def describe_found(value: Any, lang: str) -> str:
    """How to name a value the user wrote, in a message."""
    if value is None:
        return word("found_nothing", lang)
    if isinstance(value, bool):
        return word("found_bool", lang, str(value).lower())
    if isinstance(value, int):
        return word("found_int", lang, value)
    if isinstance(value, float):
        return word("found_float", lang, value)
    if isinstance(value, list):
        return word("found_list", lang)
    if isinstance(value, dict):
        return word("found_mapping", lang)
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return word("found_text", lang, f"'{visible(text)}'")


class Localised:
    """A message parameter whose wording depends on the language, rendered when formatted."""

    def render(self, lang: str) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash(repr(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({vars(self)!r})"


class Suggestion(Localised):
    """ " (did you mean 'x'?)", or nothing when there is no close match."""

    def __init__(self, key: str | None):
        self.key = key

    def render(self, lang: str) -> str:
        return word("did_you_mean", lang, self.key) if self.key else ""


class Word(Localised):
    """An interface word (``WORDS[key]``) with optional arguments; empty when an argument is None."""

    def __init__(self, key: str, *args: Any):
        self.key = key
        self.args = args

    def render(self, lang: str) -> str:
        if any(arg is None for arg in self.args):
            return ""
        return word(self.key, lang, *self.args)


class Found(Localised):
    """A value the user wrote, named the way a message should name it."""

    def __init__(self, value: Any):
        self.value = value

    def render(self, lang: str) -> str:
        return describe_found(self.value, lang)


def show_value(value: Any) -> str:
    """A value the user wrote, quoted as in a message: 'text', 12.5, true."""
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    if len(text) > 40:
        text = text[:37] + "…"
    return f"'{visible(text)}'"


def render_params(params: dict[str, Any], lang: str) -> dict[str, Any]:
    return {
        k: v.render(lang) if isinstance(v, Localised) else visible(v) if isinstance(v, str) else v
        for k, v in params.items()
    }


def problem_message(problem: Problem, lang: str) -> str:
    vi, en = PROBLEMS.get(problem.code, ("{detail}", "{detail}"))
    template = en if lang == "en" else vi
    params = render_params(problem.params, lang)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a missing parameter must never hide the problem itself
        return f"{template} {params}"


def format_problem(problem: Problem, lang: str) -> str:
    """``PATH:LINE:COL: error[CODE]: message`` (the form editors and CI logs understand).

    The words ``error``/``warning`` stay in English in both languages: editors' problem matchers
    look for them.
    """
    severity = problem.severity.value
    return f"{problem.location}: {severity}[{problem.code}]: {problem_message(problem, lang)}"
