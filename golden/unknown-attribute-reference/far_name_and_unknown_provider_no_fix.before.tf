resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "acme_widget" "w" {
  name = "w"
}

output "bucket" {
  value = aws_s3_bucket.logs.storage_class
}

output "widget" {
  value = acme_widget.w.anything_at_all
}
