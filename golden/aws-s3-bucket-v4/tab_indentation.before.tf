resource "aws_s3_bucket" "b" {
	bucket = "acme-b"
	acl    = "private"

	lifecycle_rule {
		id      = "tmp"
		enabled = true
		prefix  = "tmp/"

		expiration {
			days = 7
		}
	}
}
