"""What the members app announces to the apps above it (indicators, and later solidarity or partners).

Receivers are connected in their app's `AppConfig.ready`.
"""

from django.dispatch import Signal

member_erased = Signal()
"""A member's account is being erased (members.services.erasure), inside its transaction. Sent with
`sender=User` and `member`. Receivers erase or unlink the personal data their app keeps about the person
(and declare it in members.personal_data). Listener: indicators unlinks survey invitations.
"""

personal_data_requested = Signal()
"""A member downloads their data ("mes données", members.history.export_zip). Sent with `sender=User` and
`member`. Each receiver returns a list of (file name, header, rows) for the files its app adds to the
archive. Listener: indicators (the member's survey answers).
"""
