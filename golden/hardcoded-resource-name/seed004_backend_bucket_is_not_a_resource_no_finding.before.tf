terraform {
  backend "s3" {
    bucket               = "terraform-state-multi-env"
    key                  = "infrastructure/terraform.tfstate"
    region               = "us-east-1"
    dynamodb_table       = "terraform-state-lock"
    encrypt              = true
    workspace_key_prefix = "workspaces"
  }
}

variable "environment_suffix" {
  type = string
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster-${var.environment_suffix}"
  engine             = "aurora-postgresql"
}
