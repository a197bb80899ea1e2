resource "aws_s3_bucket" "b" {
  bucket = "acme-b"

  website {
    redirect_all_requests_to = "https://www.example.com"
  }
}
