terraform {
    required_version = "~> 0.14"

    backend "remote" {
        organization = "acme"
    }
}

resource "aws_s3_bucket" "a" {
    bucket = "acme-${terraform.workspace}-logs"
}
