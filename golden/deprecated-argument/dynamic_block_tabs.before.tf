resource "aws_s3_bucket" "b" {
	bucket = "b"

	dynamic "versioning" {
		for_each = [1]
		content {
			enabled = true
		}
	}
}
