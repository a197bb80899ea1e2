resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_website_configuration" "b" {
  bucket = aws_s3_bucket.b.id

  redirect_all_requests_to {
    host_name = "www.example.com"
    protocol  = "https"
  }
}
