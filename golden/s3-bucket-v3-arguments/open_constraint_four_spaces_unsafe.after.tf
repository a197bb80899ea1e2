terraform {
    required_providers {
        aws = {
            source  = "hashicorp/aws"
            version = ">= 3.0"
        }
    }
}

resource "aws_s3_bucket" "assets" {
    bucket = "acme-assets"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
    bucket = aws_s3_bucket.assets.id

    rule {
        apply_server_side_encryption_by_default {
            sse_algorithm = "AES256"
        }
    }
}
