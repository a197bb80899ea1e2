resource "aws_s3_bucket" "per_env" {
	count  = 2
	bucket = "acme-${count.index}"
	acl    = "private"
}
