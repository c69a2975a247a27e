from . import test_plan_workflow
from . import test_plan_task
from . import test_record_rules
from . import test_copy_next_year
from . import test_task_kanban
from . import test_demo_data
