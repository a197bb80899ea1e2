variables {
  region = "eu-west-1"
  name   = "test"
}

run "bucket_name" {
  command = plan

  variables {
    region = "us-west-2"
  }

  assert {
    condition     = local.bucket == "test-${var.region}"
    error_message = "bucket name does not follow var.region"
  }
}

run "other_module" {
  module {
    source = "./modules/other"
  }

  variables {
    region = "eu-central-1"
  }
}
