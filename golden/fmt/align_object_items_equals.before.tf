locals {
  sizes = {
    small = "t3.micro",
    medium = "t3.medium",
    "extra large" = "t3.2xlarge",
  }
}
