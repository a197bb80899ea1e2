resource "aws_s3_bucket" "logs" {
	bucket = "acme-logs"
	# ACLs are legacy:
	# see the ownership controls
	acl = "private" # old

	versioning {
		enabled = true
	}
}
