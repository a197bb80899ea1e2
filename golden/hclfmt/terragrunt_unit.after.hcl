include "root" {
  path = find_in_parent_folders()
}

locals {
  env          = "${basename(get_terragrunt_dir())}"
  region       = "eu-west-1"
  account_vars = read_terragrunt_config(find_in_parent_folders("account.hcl"))
}

terraform {
  source = "git::git@github.com:acme/modules.git//vpc?ref=v1.2.0"
}

dependency "vpc" {
  config_path = "../vpc"
  mock_outputs = {
    vpc_id = "vpc-123"
  }
}

inputs = {
  name   = "${local.env}"
  region = local.region
  vpc_id = dependency.vpc.outputs.vpc_id
}
