"""Imports every module that defines ORM models, so metadata and migrations see all tables.

Feature areas add their models module here.
"""

from fieldworker.store import models  # noqa: F401
from fieldworker.exchange import models as exchange_models  # noqa: F401
from fieldworker.requests import models as requests_models  # noqa: F401
from fieldworker.security import models as security_models  # noqa: F401
from fieldworker.survey import models as survey_models  # noqa: F401
