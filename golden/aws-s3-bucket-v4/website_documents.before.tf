resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  website {
    index_document = "index.html"
    error_document = "error.html"
  }
}
