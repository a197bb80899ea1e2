resource "aws_s3_bucket_polic" "p" {
	bucket = "b"
	policy = "{}"
}
