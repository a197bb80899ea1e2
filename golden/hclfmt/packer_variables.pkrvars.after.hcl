region        = "eu-west-1"
instance_type = "t3.small"
tags          = { Team = "platform", Cost_center = "42" }
