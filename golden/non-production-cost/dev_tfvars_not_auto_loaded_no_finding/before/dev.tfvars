environment_suffix = "dev"
