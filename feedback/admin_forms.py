"""The survey builder's form: answered questions cannot be removed or change kind (their answers
would be lost or misread). Texts and choices stay editable (answers keep the labels they chose)."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import SurveyAnswer, SurveyQuestion


class SurveyAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        formset = self.formsets.get("questions")
        if not self.instance.pk or formset is None:
            return valid
        answered = set(
            SurveyAnswer.objects.filter(question__survey=self.instance).values_list("question_id", flat=True)
        )
        kinds = dict(SurveyQuestion.objects.filter(pk__in=answered).values_list("pk", "kind"))
        deleted = set(formset.deleted_forms) if formset.is_valid() else set()
        for form in formset.forms:
            pk = form.instance.pk
            if pk not in answered:
                continue
            text = form.initial.get("text", "")
            if form in deleted:
                self.add_error(
                    None, _("Câu hỏi “%(q)s” đã có người trả lời nên không xóa được.") % {"q": text}
                )
                valid = False
            elif getattr(form, "cleaned_data", {}).get("kind", kinds[pk]) != kinds[pk]:
                self.add_error(
                    None, _("Câu hỏi “%(q)s” đã có người trả lời nên không đổi loại được.") % {"q": text}
                )
                valid = False
        return valid
