resource "aws_s3_bucket_lifecycle_configuration"   "odd" {
	bucket =    aws_s3_bucket.odd.id
	rule {
		id = "expire"
		status    =   "Enabled"
		filter {}
		expiration {
			days = 30
		}
	}
  expected_bucket_owner   = "123456789012"
}
