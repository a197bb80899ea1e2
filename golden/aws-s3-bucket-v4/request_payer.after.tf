resource "aws_s3_bucket" "b" {
  bucket = "acme-b"
}

resource "aws_s3_bucket_request_payment_configuration" "b" {
  bucket = aws_s3_bucket.b.id
  payer  = "Requester"
}
