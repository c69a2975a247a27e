from . import tdkt_plan_task_analysis
from . import tdkt_registration_analysis
from . import tdkt_document
from . import tdkt_xlsx_report
