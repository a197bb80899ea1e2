terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.west]
    }
    random = {
      source = "hashicorp/random"
    }
    google = {
      source = "hashicorp/google"
    }
    time = {
      source = "hashicorp/time"
    }
    assert = {
      source = "hashicorp/assert"
    }
  }
}

resource "aws_s3_bucket" "a" {
  provider = aws.west
}

provider "random" {}

module "child" {
  source = "./child"
  providers = {
    google = google
  }
}

import {
  to = time_static.created
  id = "2024-01-01T00:00:00Z"
}

locals {
  ok = provider::assert::true(true)
}
