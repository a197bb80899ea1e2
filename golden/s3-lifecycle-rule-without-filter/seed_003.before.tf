resource "aws_s3_bucket_lifecycle_configuration" "source_documents" {
  rule {
    id     = "migration-lifecycle"
    status = "Enabled"
    # Missing filter block
    transition {
      days          = 30
      storage_class = "STANDARD_IA"
    }
  }
}
