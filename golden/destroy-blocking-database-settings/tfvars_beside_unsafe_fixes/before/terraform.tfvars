app_name = "tap-qa"
