"""Account jobs. Thin and safe to run twice."""

from django.tasks import task

from supportnet.accounts.privacy import export_build


@task(queue_name="default")
def build_export(export_id: int) -> bool:
    return export_build(export_id=export_id)
