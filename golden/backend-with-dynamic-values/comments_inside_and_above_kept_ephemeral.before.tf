terraform {
  required_version = ">= 1.5.0"

  # Remote state, one bucket per environment.
  # Created by the bootstrap stack.
  backend "s3" {
    # The bucket name carries the environment suffix.
    bucket = "tf-state-${var.env}" # one per env
    key    = "app/terraform.tfstate"

    /* locking */
    dynamodb_table = "tf-locks"
    region         = "eu-west-1" // Ireland
  }
}
