resource "aws_s3_bucket" "site" {
  bucket = "acme-site"

  website {
    index_document = "index.html"
  }
}
