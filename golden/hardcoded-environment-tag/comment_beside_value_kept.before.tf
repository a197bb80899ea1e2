variable "environment" {
  type    = string
  default = "production"
}

provider "aws" {
  default_tags {
    tags = {
      Environment = "production" # the only place that says so
      Project     = "billing"    # cost allocation
    }
  }
}
