resource "aws_s3_bucket" "per_env" {
	count  = 2
	bucket = "acme-${count.index}"
}

resource "aws_s3_bucket_acl" "per_env" {
	count = 2

	bucket = aws_s3_bucket.per_env[count.index].id
	acl    = "private"
}
