from . import res_users
from . import tdkt_unit_mixin
from . import tdkt_title
from . import tdkt_plan
from . import tdkt_plan_task
