resource "aws_s3_bucket" "prod_data" {
  bucket = "prod-data"

  tags = {
    Environment = "prod"
  }
}

resource "aws_s3_bucket" "dev_data" {
  bucket = "dev-data"

  tags = {
    Environment = "dev"
  }
}
