// storage
resource "aws_s3_bucket" "logs" {
	bucket = "logs" // name
	force_destroy = true
}
