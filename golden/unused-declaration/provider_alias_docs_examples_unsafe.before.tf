provider "azurerm" {
  features {}
  alias           = "used_one"
  subscription_id = ""
}

provider "azurerm" {
  features {}
  alias           = "unused_one"
  subscription_id = ""
}

provider "aws" {
  alias  = "legacy"
  region = "eu-west-1"
}

provider "aws" {
  alias  = "passed"
  region = "us-east-1"
}

resource "azurerm_resource_group" "example" {
  name     = "example-resources"
  location = "West Europe"
  provider = azurerm.used_one
}

resource "aws_s3_bucket" "old" {
  provider = "aws.legacy"
}

module "child" {
  source = "./child"
  providers = {
    aws = aws.passed
  }
}
