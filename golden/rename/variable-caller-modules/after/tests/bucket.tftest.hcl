variables {
  bucket_name = "set for the root module's runs: not the renamed variable"
}

run "bucket_alone" {
  module {
    source = "./modules/bucket"
  }

  variables {
    name = "acme-test"
  }

  assert {
    condition     = aws_s3_bucket.this.bucket == var.name
    error_message = "the bucket is not named after var.bucket_name"
  }
}

run "root" {
  assert {
    condition     = module.logs.bucket_name != null
    error_message = "the root module's own run is left alone"
  }
}
