provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Environment = var.environment
    }
  }
}

locals {
  common_tags = {
    Environment = var.environment
    Service     = "checkout"
  }
}

resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "t3.small"

  tags = merge(local.common_tags, {
    Name        = "checkout-app"
    Environment = var.environment
  })

  volume_tags = {
    Environment = var.environment
  }
}

resource "aws_autoscaling_group" "workers" {
  min_size           = 0
  max_size           = 2
  availability_zones = ["eu-central-1a"]

  tag {
    key                 = "Environment"
    value               = var.environment
    propagate_at_launch = true
  }
}
