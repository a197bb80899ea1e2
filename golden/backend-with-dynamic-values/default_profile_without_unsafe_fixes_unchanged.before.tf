terraform {
  required_version = ">= 1.5.0"

  backend "s3" {
    bucket         = "terraform-state-migration-${var.environment_suffix}"
    key            = "document-processing/terraform.tfstate"
    region         = "us-east-1"
    encrypt        = true
    dynamodb_table = "terraform-state-lock-${var.environment_suffix}"
  }
}

variable "environment_suffix" {
  type = string
}
