environment_suffix = "prod"
