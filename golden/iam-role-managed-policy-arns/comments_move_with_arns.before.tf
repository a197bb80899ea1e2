resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  # Policies the worker needs to run.
  managed_policy_arns = [
    # Read the queue.
    "arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess",
    "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", # artifacts bucket
    "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
    # TODO: drop once the agent is gone.
  ]
}
