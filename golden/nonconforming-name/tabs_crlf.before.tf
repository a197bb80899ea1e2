resource "aws_s3_bucket" "LogBucket" {
	bucket = "logs"
	acl    = "private"
}
