"""Background tasks of the accounts app."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_verification_email(*, user_id: int) -> None:
    from .services import verification_url

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not user.email:
        return
    context = {"user": user, "url": verification_url(user)}
    send_mail(
        subject=render_to_string("accounts/email/verify_subject.txt", context).strip(),
        message=render_to_string("accounts/email/verify_body.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )
