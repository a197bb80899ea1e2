resource "aws_s3_bucket" "logs" {
  bucket = "${var.prefix}-logs"
}

resource "aws_s3_bucket_policy" "logs" {
  # the policy of the logs bucket
  bucket = aws_s3_bucket.logs.id
  policy = <<-EOT
    {
      "Resource": "${aws_s3_bucket.logs.arn}/*",
      "Bucket": "${aws_s3_bucket.logs.bucket}"
    }
  EOT

  depends_on = [aws_s3_bucket.logs, aws_s3_bucket.other]

  lifecycle {
    replace_triggered_by = [aws_s3_bucket.logs.id]
    ignore_changes       = [policy]
  }
}

resource "aws_s3_bucket" "other" {
  bucket = "other-${aws_s3_bucket.logs.id}" # logs stays in comments: aws_s3_bucket.logs
  tags = {
    Source = upper("from ${aws_s3_bucket.logs.bucket}")
    Names  = join(",", [for b in [aws_s3_bucket.logs] : b.bucket])
  }
}

import {
  to = aws_s3_bucket.logs
  id = "acme-logs"
}

output "logs_arn" {
  value = aws_s3_bucket.logs.arn
}
