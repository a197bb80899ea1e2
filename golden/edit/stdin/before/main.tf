terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-1"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

locals {
  name = "app"
  common_tags = {
    Project = "demo"
  }
}

# The web servers.
resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "t3.micro"

  tags = merge(local.common_tags, {
    Name  = "web" # shown in the console
    Owner = "team-a"
  })
}

resource "aws_instance" "worker" {
  ami           = "ami-123"
  instance_type = "t3.small"

  tags = {
    Name  = "worker"
    Owner = "team-b"
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.0"

  cidr = "10.0.0.0/16"
  azs  = ["eu-west-1a", "eu-west-1b"]
}

module "other" {
  source = "./modules/other"
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

output "id" {
  value = aws_instance.web.id
}
