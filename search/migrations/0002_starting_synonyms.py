"""A starting set of synonyms: common abbreviations and colloquial names of administrative terms.

General vocabulary of Vietnamese public administration, not tuned to any evaluation query. Editors
change the list in the admin (Snippets → Từ đồng nghĩa); changes apply without a restart.
"""

from django.db import migrations

STARTING_SET = [
    ("CCCD, CMND, CMT, căn cước công dân, chứng minh nhân dân, chứng minh thư", "căn cước"),
    ("GPLX, bằng lái, bằng lái xe", "giấy phép lái xe"),
    ("sổ đỏ, sổ hồng, bìa đỏ, bìa hồng", "giấy chứng nhận quyền sử dụng đất"),
    ("GCNQSDĐ, GCN QSDĐ", "giấy chứng nhận quyền sử dụng đất"),
    ("QSDĐ, QSD đất", "quyền sử dụng đất"),
    ("GCN", "giấy chứng nhận"),
    ("hộ khẩu, sổ hộ khẩu", "thường trú"),
    ("ĐKKD", "đăng ký kinh doanh"),
    ("HKD", "hộ kinh doanh"),
    ("DN", "doanh nghiệp"),
    ("HTX", "hợp tác xã"),
    ("MST", "mã số thuế"),
    ("BHYT", "bảo hiểm y tế"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("KCB", "khám bệnh, chữa bệnh"),
    ("LLTP", "lý lịch tư pháp"),
    ("GPXD", "giấy phép xây dựng"),
    ("PCCC", "phòng cháy, chữa cháy"),
    ("ATTP, VSATTP", "an toàn thực phẩm"),
    ("ĐTM", "đánh giá tác động môi trường"),
    ("GPMT", "giấy phép môi trường"),
    ("TNCN", "thu nhập cá nhân"),
    ("TNDN", "thu nhập doanh nghiệp"),
    ("GTGT, VAT", "giá trị gia tăng"),
    ("NVQS", "nghĩa vụ quân sự"),
    ("UBND", "ủy ban nhân dân"),
    ("HĐND", "hội đồng nhân dân"),
    ("TTHC", "thủ tục hành chính"),
    ("DVC", "dịch vụ công"),
    ("cà vẹt, cavet", "chứng nhận đăng ký xe"),
    ("giấy chứng tử", "khai tử"),
    ("passport", "hộ chiếu"),
    ("visa", "thị thực"),
    ("giấy phép kinh doanh", "đăng ký kinh doanh"),
]


def create(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, expansion in STARTING_SET:
        Synonym.objects.get_or_create(terms=terms, expansion=expansion)


def remove(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, expansion in STARTING_SET:
        Synonym.objects.filter(terms=terms, expansion=expansion).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
