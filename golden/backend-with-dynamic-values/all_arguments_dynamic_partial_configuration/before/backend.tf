terraform {
  backend "s3" {
    bucket = "REPLACE_ME"
    key    = "${var.project}/terraform.tfstate"
    region = var.region
  }
}
