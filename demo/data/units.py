"""Administrative units that the `vietnam-provinces` package does not carry: the structure before 2025.

The 96 communes and wards of Tây Ninh (from 1 July 2025) come from the package at load time. The
official code 80 now belongs to the merged Tây Ninh, so the former Long An keeps its record under
"80-LA". District codes are the national statistical codes; each district's successor is the commune
or ward that took over its seat (districts were abolished; their territory went to several communes).
"""

PROVINCE_CODE = "80"
PROVINCE_NAME = "Tỉnh Tây Ninh"
REFORM = "2025-07-01"
LAST_DAY = "2025-06-30"

HISTORIC_PROVINCES = [
    {"code": "80-LA", "name": "Tỉnh Long An", "successor": PROVINCE_CODE},
    {"code": "72", "name": "Tỉnh Tây Ninh (trước sáp nhập)", "successor": PROVINCE_CODE},
]

# (code, name, successor ward code) — the 15 districts of Long An in 2015–2025.
LONG_AN_DISTRICTS = [
    ("794", "Thành phố Tân An", "27694"),
    ("795", "Thị xã Kiến Tường", "27787"),
    ("796", "Huyện Tân Hưng", "27721"),
    ("797", "Huyện Vĩnh Hưng", "27757"),
    ("798", "Huyện Mộc Hóa", "27823"),
    ("799", "Huyện Tân Thạnh", "27826"),
    ("800", "Huyện Thạnh Hóa", "27865"),
    ("801", "Huyện Đức Huệ", "27925"),
    ("802", "Huyện Đức Hòa", "27937"),
    ("803", "Huyện Bến Lức", "27991"),
    ("804", "Huyện Thủ Thừa", "28036"),
    ("805", "Huyện Tân Trụ", "28075"),
    ("806", "Huyện Cần Đước", "28108"),
    ("807", "Huyện Cần Giuộc", "28159"),
    ("808", "Huyện Châu Thành", "28210"),
]
