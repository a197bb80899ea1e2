resource "aws_s3_bucket_lifecycle_configuration" "odd" {
	bucket =    aws_s3_bucket.odd.id

	rule {
		id = "expire"
		filter {
			prefix = "tmp/" # scratch space
		}
		status = "Enabled"

		expiration {
			days = 1
		}
	}
}
