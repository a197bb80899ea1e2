remote_state {
  backend = "s3"
  generate = {
    path = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
  config = {
    bucket = "acme-${local.account_id}-state"
    key = "${path_relative_to_include()}/terraform.tfstate"
    region  =  "eu-west-1"
    encrypt = true
  }
}

generate "provider" {
path      = "provider.tf"
if_exists = "overwrite"
contents  = <<EOF
provider "aws" {
region="eu-west-1"
}
EOF
}
