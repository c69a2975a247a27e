from . import tdkt_plan_task_analysis
from . import tdkt_registration_analysis
from . import tdkt_document
from . import tdkt_xlsx_report
from . import tdkt_certificate
from . import tdkt_certificate_report_decision
from . import tdkt_certificate_report_award
from . import tdkt_certificate_report_test_page
